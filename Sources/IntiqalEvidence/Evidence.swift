/// Evidence extraction: Arabic and English reports in, dated events with their sources out.
public enum Evidence {}
