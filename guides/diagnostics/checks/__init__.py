"""One module a check: each turns what DNS said (a snapshot) or what the database holds
into a finding (checks.findings), in the active language. A lookup that could not be done is
reported as such, never as "missing"."""
