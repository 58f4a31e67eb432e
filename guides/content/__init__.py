"""Rendering and finding guides: Markdown, placeholders, widgets, listings, search, the guide
file format and the content shipped with the portal (data/)."""
