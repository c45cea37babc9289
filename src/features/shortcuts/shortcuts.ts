/** Every keyboard shortcut, as the help dialog lists them. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['/'], action: 'Search' },
  { keys: ['j', 'k'], action: 'Next / previous article in the list, or paragraph in an article' },
  { keys: ['Enter'], action: 'Open the focused article or highlight' },
  { keys: ['h'], action: 'Highlight the selection, or the focused paragraph' },
  { keys: ['l'], action: 'Listen: read the article aloud; pause and resume' },
  { keys: ['Tab'], action: 'With text selected: move to the highlight buttons' },
  { keys: ['['], action: 'Previous article' },
  { keys: [']'], action: 'Next article' },
  { keys: ['g', 'h'], action: 'Go to Highlights (press g, then h)' },
  { keys: ['g', 'a'], action: 'Go to all articles (press g, then a)' },
  { keys: ['?'], action: 'Show this list' },
  { keys: ['Esc'], action: 'Close a dialog or menu, or drop the selection' },
];
