"""The catalogue read as values: which server endpoints a customer's account uses. Shared by
the guide pages (placeholders), the setup wizard and the configuration files."""
