"""The staff workflow: drafts, publication, revisions and conflicts, roles, the audit log,
the staff lists, customers' feedback, and the guides' import and export as files."""
