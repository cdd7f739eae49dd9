def pytest_configure(config):
    # The guide's marker for tests of more than a few seconds (CI runs them; the default run
    # skips them with -m "not slow"); registered here until pyproject.toml lists it.
    config.addinivalue_line("markers", "slow: takes more than a few seconds (a subprocess, a big input)")
