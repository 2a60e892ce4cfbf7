// Runs before the first paint (a classic, blocking script: MV3 forbids inline scripts) so a dark-theme
// user never sees a white flash. The theme is mirrored to localStorage whenever settings change.
(() => {
  try {
    const t = localStorage.getItem('pacer:theme');
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
    const l = localStorage.getItem('pacer:locale');
    if (l === 'en' || l === 'vi') document.documentElement.lang = l;
  } catch {
    // storage disabled: the page paints with the system theme
  }
})();
