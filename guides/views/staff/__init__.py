"""The staff area's views: lists, the guide editor, and the publishing actions."""
