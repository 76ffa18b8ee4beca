print("loanbench: under construction")
