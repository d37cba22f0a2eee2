"""The project's commands on the Faust command line: ``publish``, ``tail`` and ``enrich``."""
