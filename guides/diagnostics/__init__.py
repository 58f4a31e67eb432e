"""The diagnostic of a customer's domain: plain modules that know nothing of views.

resolver asks DNS, snapshot gathers every lookup a report needs, checks/ turns them into
findings (one module a check), report puts it all together for the page, the JSON API and the
`diagnose` command. What the customer typed becomes a domain in guides.models.domain_names.
"""
