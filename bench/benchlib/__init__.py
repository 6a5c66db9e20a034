"""The parts of bench/run: building the jars, running the portals, measuring, reporting."""
