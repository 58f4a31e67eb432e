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
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.parentElement.checkVisibility() || text.parentElement.closest("pre")) continue;
    const code = text.parentElement.closest("code");
    // A value in a table cell stays whole; a title or a sentence there (.cell-prose) is prose.
    const whole = !text.parentElement.closest(".cell-prose")
      && (text.parentElement.closest(".value, .copyable, td, th, dd") || (code && !/\s/.test(code.textContent.trim())));
    for (const match of text.data.matchAll(whole ? /\S+/g : /[^\s-]+-?/g)) {
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
      const length = [...range.getClientRects()].reduce((sum, r) => sum + r.width, 0);
      if (lines.size > 1 && length < lineWidth(text.parentElement)) split.push(match[0] + " in " + name(text.parentElement));
    }
  }
  return {wide, split};
}
