/// The version of Konsekvens.
public let konsekvensVersion = "0.1.0"
