"""The catalogue of social-service providers: imports, public pages, print."""
