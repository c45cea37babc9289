// Applies the reader's saved display settings to <html> before the first paint, so a dark or sepia
// reader never sees a flash of the wrong theme. The build inlines it into each page's head (a request
// of its own would hold the first paint back by a round trip) and allows it in the Content Security
// Policy by its hash. Keep in step with src/domain/reading/reader-settings.ts.
(function () {
  var allowed = {
    theme: ['system', 'light', 'sepia', 'dark'],
    font: ['serif', 'sans'],
    textSize: ['90', '100', '112', '125', '140'],
    lineWidth: ['narrow', 'medium', 'wide'],
    lineSpacing: ['compact', 'normal', 'loose'],
  };
  var attributes = { theme: 'data-theme', font: 'data-font', textSize: 'data-text-size', lineWidth: 'data-line-width', lineSpacing: 'data-line-spacing' };
  var defaults = { theme: 'system', font: 'serif', textSize: '100', lineWidth: 'medium', lineSpacing: 'normal' };
  var saved = {};
  try {
    saved = JSON.parse(window.localStorage.getItem('broadsheet:settings') || '{}') || {};
  } catch {
    saved = {};
  }
  var root = document.documentElement;
  root.setAttribute('data-js', 'on');
  for (var name in attributes) {
    var value = saved[name];
    root.setAttribute(attributes[name], allowed[name].indexOf(value) === -1 ? defaults[name] : value);
  }
})();
