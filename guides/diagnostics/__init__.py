"""The diagnostic of a customer's domain: plain modules that know nothing of views.

domain_input turns what the customer typed into a domain, resolver asks DNS, snapshot gathers
every lookup a report needs, checks turns them into findings, report puts it all together
for the page, the JSON API and the `diagnose` command.
"""
