"""The web layer: thin function views, one module a capability (browse, setup, autoconfig,
diagnostic, feedback, staff/), which call the capabilities and pick a template."""
