extension LinearModel {
    /// Reduced costs this small, relative to the variable's cost (or 1), count as zero.
    static let zeroReducedCost = 1e-9

    /// A bound on the optimum of this model's LP relaxation (below it when minimising, above
    /// it when maximising) from any row duals: the Lagrangian bound, which needs neither an
    /// optimal nor a dual feasible basis. A dual simplex cut short by the clock leaves duals
    /// whose bound is its objective so far, short of the optimum but valid: for every x within
    /// the variables' bounds and the rows' bounds,
    ///
    ///     c·x = d·x + Σ y_i a_i·x ≥ Σ_j min over [l_j, u_j] of d_j x_j + Σ_i (y_i > 0 ? y_i L_i : y_i U_i)
    ///
    /// with reduced costs d = c - Aᵀy, whatever y is, as long as a dual is positive only on a
    /// row with a lower bound and negative only on one with an upper bound.
    ///
    /// GLPK's duals are not quite dual feasible after a cut (its dual simplex shifts costs
    /// against degeneracy), and a reduced cost of the wrong sign on a variable without that
    /// bound makes the bound minus infinity: such a variable's rows' duals are first moved
    /// towards zero until its reduced cost has the right sign, which keeps the bound valid and
    /// lowers it a little. Returns nil when no such repair is found (a free variable with a
    /// reduced cost, or every row of a variable already at zero) or `rowDuals` does not fit.
    ///
    /// A reduced cost within ``zeroReducedCost`` of zero counts as zero: the optimal duals of a
    /// simplex are dual feasible only to such a tolerance (GLPK's is 1e-7), and the optimum
    /// it reports is trusted to the same degree.
    public func lagrangianBound(rowDuals: [Double]) -> Double? {
        guard rowDuals.count == rows.count else { return nil }
        // Maximising c·x is minimising -c·x, whose duals are the negated ones.
        let sign = sense == .minimize ? 1.0 : -1.0
        var duals = rowDuals.map { $0 * sign }
        for (index, row) in rows.enumerated() {
            // A dual on a side without a bound counts nothing there: drop it.
            if duals[index] > 0, !row.lowerBound.isFinite { duals[index] = 0 }
            if duals[index] < 0, !row.upperBound.isFinite { duals[index] = 0 }
            if !duals[index].isFinite { return nil }
        }
        var rowsOf = [[(row: Int, coefficient: Double)]](repeating: [], count: variables.count)
        for (index, row) in rows.enumerated() {
            for term in row.terms { rowsOf[term.variable].append((index, term.coefficient)) }
        }
        func reducedCost(_ column: Int) -> Double {
            rowsOf[column].reduce(sign * variables[column].objective) { $0 - $1.coefficient * duals[$1.row] }
        }
        // Repairs: a variable without an upper bound needs d >= 0, one without a lower bound
        // d <= 0. Moving a dual towards zero never breaks the rule of signs; a repair may
        // spoil another variable's reduced cost, hence a few passes and a final check.
        for _ in 0..<3 {
            var repaired = false
            for column in variables.indices {
                let variable = variables[column]
                // The change of d wanted: past zero by a hair, so that rounding in the sums
                // cannot leave it on the wrong side.
                var deficit = 0.0
                let cost = reducedCost(column)
                let hair = Self.zeroReducedCost * max(1, abs(variable.objective))
                guard abs(cost) > hair else { continue }
                if cost < 0, !variable.upperBound.isFinite { deficit = -cost + hair }
                if cost > 0, !variable.lowerBound.isFinite { deficit = -cost - hair }
                guard deficit != 0 else { continue }
                repaired = true
                // Each row moves d by -a * (change of y): take from the rows that help most.
                for (row, coefficient) in rowsOf[column] {
                    let dual = duals[row]
                    // The change of d if this dual went all the way to zero.
                    let reach = coefficient * dual
                    guard reach != 0, reach.sign == deficit.sign else { continue }
                    let share = min(1, deficit / reach)
                    duals[row] = dual * (1 - share)
                    deficit -= reach * share
                    if deficit == 0 { break }
                }
            }
            if !repaired { break }
        }
        var bound = sign * objectiveConstant
        for (index, row) in rows.enumerated() where duals[index] != 0 {
            bound += duals[index] * (duals[index] > 0 ? row.lowerBound : row.upperBound)
        }
        for column in variables.indices {
            let cost = reducedCost(column)
            guard abs(cost) > Self.zeroReducedCost * max(1, abs(variables[column].objective)) else { continue }
            let value = cost > 0 ? variables[column].lowerBound : variables[column].upperBound
            guard value.isFinite else { return nil }
            bound += cost * value
        }
        return bound.isFinite ? sign * bound : nil
    }
}
