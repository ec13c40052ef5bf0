print("risk-bench: placeholder")
