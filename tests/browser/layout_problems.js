() => {
  // Run in the page by test_page_layout.py: what a reader on a phone would see broken.
  const width = document.documentElement.clientWidth;
  const scrolls = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (["auto", "scroll", "hidden"].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const name = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + (element.className && typeof element.className === "string" ? "." + element.className.trim().split(/\s+/).join(".") : "");
  const wide = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !scrolls(element)) wide.push(name(element) + " ends at " + Math.round(box.right));
  }
  const lineWidth = (element) => {
    while (getComputedStyle(element).display.startsWith("inline")) element = element.parentElement;
    const style = getComputedStyle(element);
    return element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  const split = [];
  const range = document.createRange();
  const lines = (rects) => new Set(rects.filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
  const extent = (rects) => rects.reduce((sum, r) => sum + r.width, 0);
  // A word longer than its line may break, but only after one of these, never inside a name.
  const sensible = /[.@\/\-=;:,?&]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.parentElement.checkVisibility() || text.parentElement.closest("pre")) continue;
    const code = text.parentElement.closest("code");
    // A value in a table cell stays whole; a title or a sentence there (.cell-prose) is prose.
    const whole = !text.parentElement.closest(".cell-prose")
      && (text.parentElement.closest(".value, .copyable, td, th, dd") || (code && !/\s/.test(code.textContent.trim())));
    for (const match of text.data.matchAll(whole ? /\S+/g : /[^\s-]+-?/g)) {
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const rects = [...range.getClientRects()];
      if (lines(rects).size < 2) continue;
      // A piece of a value with break points (.wraps) is judged with its whole value below.
      if (!text.parentElement.closest(".wraps") && extent(rects) < lineWidth(text.parentElement)) {
        split.push(match[0] + " in " + name(text.parentElement));
        continue;
      }
      let before = null;
      for (let i = 0; i < match[0].length; i++) {
        range.setStart(text, match.index + i);
        range.setEnd(text, match.index + i + 1);
        const box = [...range.getClientRects()].find((r) => r.width > 0);
        if (!box) continue;
        if (before && Math.round(box.bottom) !== before.bottom && !sensible.test(match[0][before.index])) {
          split.push(match[0].slice(0, before.index + 1) + "|" + match[0].slice(before.index + 1) + " in " + name(text.parentElement));
        }
        before = {bottom: Math.round(box.bottom), index: i};
      }
    }
  }
  // A value made of several text nodes (a name or an address with its break points) is split
  // only when it could not fit on one line.
  for (const value of document.body.querySelectorAll(".wraps, code, .value")) {
    if (!value.checkVisibility() || value.closest("pre") || /\s/.test(value.textContent.trim()) || value.childNodes.length < 2) continue;
    range.selectNodeContents(value);
    const rects = [...range.getClientRects()];
    if (lines(rects).size > 1 && extent(rects) < lineWidth(value.parentElement)) split.push(value.textContent + " in " + name(value));
  }
  return {wide, split};
}
