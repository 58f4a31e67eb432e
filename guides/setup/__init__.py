"""The setup wizard and what it produces: addresses, the client guess, the personalised guide,
the configuration files (autoconfig, Autodiscover, Apple profile) and the DNS records."""
