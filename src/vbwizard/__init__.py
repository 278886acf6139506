"""vbwizard: a guided analysis of perceived safety with the CCV Tafel van 12.

The package root stays light on purpose: importing it must not pull in Textual,
so the command line and the domain core start fast and can run headless.
"""

__version__ = "0.1.0"
