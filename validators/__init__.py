"""Pandera schemas, row rules and the quarantine of observations that fail them."""
