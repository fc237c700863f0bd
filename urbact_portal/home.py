"""Data for the home page: live figures and the latest content."""


def home_context(page, request):
    return {}
