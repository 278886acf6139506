"""The question bank: models, loading and validation (no Textual here)."""

from vbwizard.bank.loader import bundled_bank_path, load_bank
from vbwizard.bank.models import Action, Bank, Cluster, Factor, Manifest, SubQuestion

__all__ = [
    "Action",
    "Bank",
    "Cluster",
    "Factor",
    "Manifest",
    "SubQuestion",
    "bundled_bank_path",
    "load_bank",
]
