/// Risk of resurgence: Hawkes-process fitting and Monte Carlo evaluation of plans.
public enum Risk {}
