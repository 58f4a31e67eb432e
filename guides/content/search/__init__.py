"""Search over the guides: one selector (query.search_guides), the SQLite index, the stop
words both databases drop, and the log of what customers looked for."""
