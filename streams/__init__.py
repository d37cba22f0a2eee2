"""newsstream: an event-driven stream processor for incoming news.

The functional core lives in :mod:`streams.enrich` (no Kafka, no Faust); everything else is the shell
that wires it to Kafka through Faust.
"""

__version__ = "0.1.0"
