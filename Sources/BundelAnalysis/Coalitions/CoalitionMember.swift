/// One organisation's facts in a coalition analysis, each as a week's cost, vehicle-km and
/// CO2e (see ``CoalitionAnalysis`` for the game they come from).
public struct CoalitionMember: Sendable, Equatable {
    /// The organisation (its network's name) and its network file.
    public var id: String
    public var file: String
    /// Its weekly volume in the network's weight dimension (or first dimension), and that
    /// dimension's unit, for the division in proportion to volume.
    public var weeklyVolume: Double
    public var volumeUnit: String
    /// Its stops at sites a week when its suppliers deliver directly, for the division in
    /// proportion to stops.
    public var baselineStops: Int
    /// Its own direct delivery, alone: the reference of every saving.
    public var standAloneBaseline: CoalitionFigures
    /// Its own bundled plan, alone, with the shared hub candidates to itself.
    public var standAloneBundled: CoalitionFigures
    /// What it saves alone, v({i}) = standalone baseline - own bundled plan.
    public var alone: CoalitionFigures
    /// Its Shapley share of the grand coalition's saving.
    public var shapley: CoalitionFigures
    /// The standard error of a sampled share; `nil` for the exact value.
    public var shapleyStandardError: CoalitionFigures?
    /// What the grand coalition saves with it beyond without it, v(N) - v(N - i).
    public var marginalContribution: CoalitionFigures
    /// The grand coalition's saving divided in proportion to volume, to stops, and equally.
    public var byVolume: CoalitionFigures
    public var byStops: CoalitionFigures
    public var equalShare: CoalitionFigures

    /// What it gains by joining the grand coalition, under its Shapley share: the share less
    /// what it saves alone.
    public var gainFromJoining: CoalitionFigures { shapley - alone }
}
