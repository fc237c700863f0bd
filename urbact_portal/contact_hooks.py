"""Admin hooks for the contact form (submissions, delivery state, export)."""
