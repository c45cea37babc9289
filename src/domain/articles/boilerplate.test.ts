import { describe, expect, it } from 'vitest';
import { isBoilerplate, stripTrailingBoilerplate } from './boilerplate.ts';

describe('isBoilerplate', () => {
  it.each([
    'Think your friends would be interested? Share this story!',
    'Share this article.',
    'share this post',
    'Like this story? Share it with a friend!',
    'Share this on Facebook.',
    'Comments are closed.',
    'Comments have been disabled',
    'Please leave a comment!',
    'Post a comment',
    'Follow us on Twitter and Facebook.',
    'Like us on Facebook!',
    'Sign up for our daily newsletter.',
    'Subscribe to the Morning Briefing newsletter for the news that matters.',
    'Advertisement',
    'ADVERTISEMENT',
    'Read more:',
    'Related',
    'See also.',
    'All rights reserved.',
    '© 2020 RT News',
    '(c) Example Media Ltd',
    'Copyright 2020 Reuters. All rights reserved.',
    'Copyright © 2024 The Daily Example',
    'COPYRIGHT (C) EXAMPLE NEWS',
  ])('recognises the site line %j', (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    'The government has promised to share this story with the public inquiry.',
    'Comments are closed, the spokesman said, until the investigation ends.',
    'Readers who want to follow us on this journey can do so.',
    'Related news: the minister resigned on Friday.',
    'An advertisement for the new policy ran in every paper.',
    'He said all rights reserved by the treaty would be respected.',
  ])('does not take the story sentence %j for boilerplate', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });

  it('matches whole lines only, not a boilerplate phrase inside a longer line', () => {
    expect(isBoilerplate('Advertisement revenue fell by a third')).toBe(false);
    expect(isBoilerplate('He wrote: Comments are closed.')).toBe(false);
  });
});

describe('stripTrailingBoilerplate', () => {
  it('removes boilerplate lines from the end and counts them', () => {
    expect(stripTrailingBoilerplate(['Story.', 'Share this story!', 'Comments are closed.'])).toEqual({ kept: ['Story.'], removed: 2 });
  });

  it('keeps boilerplate that is followed by story text', () => {
    const paragraphs = ['Story begins.', 'Comments are closed.', 'Story ends.'];
    expect(stripTrailingBoilerplate(paragraphs)).toEqual({ kept: paragraphs, removed: 0 });
  });

  it('keeps everything when the last line is story text', () => {
    expect(stripTrailingBoilerplate(['One.', 'Two.'])).toEqual({ kept: ['One.', 'Two.'], removed: 0 });
  });

  it('keeps a closing paragraph that is a sentence about copyright', () => {
    const paragraphs = ['The court ruled on Tuesday.', 'Copyright holders have until March to respond to the ruling.'];
    expect(stripTrailingBoilerplate(paragraphs)).toEqual({ kept: paragraphs, removed: 0 });
  });

  it('keeps a closing list item labelled (c)', () => {
    const paragraphs = ['The law lets the court order:', '(a) a fine;', '(b) a ban;', '(c) any other remedy it sees fit.'];
    expect(stripTrailingBoilerplate(paragraphs)).toEqual({ kept: paragraphs, removed: 0 });
  });

  it('can remove every line', () => {
    expect(stripTrailingBoilerplate(['Advertisement', 'Related'])).toEqual({ kept: [], removed: 2 });
  });

  it('handles an empty list', () => {
    expect(stripTrailingBoilerplate([])).toEqual({ kept: [], removed: 0 });
  });

  it('does not modify the list it is given', () => {
    const paragraphs = ['Story.', 'Advertisement'];
    stripTrailingBoilerplate(paragraphs);
    expect(paragraphs).toEqual(['Story.', 'Advertisement']);
  });
});
