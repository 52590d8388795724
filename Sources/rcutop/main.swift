import Dashboard
import RCUEngine

// CONTRACT STUB: replaced by the executable's argument parsing and frame loop.
print("rcutop (skeleton)")
