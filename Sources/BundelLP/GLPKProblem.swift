import CBundelGLPK
import Synchronization

/// A GLPK problem object loaded from a validated ``LinearModel``; deleted when this goes away.
///
/// A GLPK problem belongs to the environment of the thread that made it, so a `GLPKProblem`
/// never escapes the synchronous call that made it, and every such call runs inside
/// ``GLPKProblem/withGLPK(_:)``.
final class GLPKProblem {
    /// Serialises the uses of a GLPK built without thread-local storage.
    static let lock = Mutex<Void>(())

    /// Whether this GLPK keeps its environment in thread-local storage (Debian's 5.0 does: `glp_config("TLS")`):
    /// each thread then has its own environment, hooks and terminal setting, and threads may
    /// solve problems of their own at the same time.
    static let isThreadLocal = glp_config("TLS") != nil

    /// Runs `body`, which uses GLPK on this thread only: at once with other threads when GLPK
    /// keeps its environment per thread, else under ``lock``, one at a time.
    static func withGLPK<Result>(_ body: () throws(LPError) -> Result) throws(LPError) -> Result {
        if isThreadLocal { return try body() }
        return try lock.withLock { _ throws(LPError) in try body() }
    }

    let pointer: OpaquePointer

    /// Copies the model into a new GLPK problem. The model is valid by construction, so every
    /// index and bound passed here is one GLPK accepts.
    init(_ model: LinearModel) {
        pointer = glp_create_prob()
        glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)
        let columnCount = model.variables.count
        if columnCount > 0 { glp_add_cols(pointer, Int32(columnCount)) }
        for (offset, variable) in model.variables.enumerated() {
            let column = Int32(offset + 1)
            variable.name.withCString { glp_set_col_name(pointer, column, $0) }
            switch variable.kind {
            case .continuous: glp_set_col_kind(pointer, column, GLP_CV)
            case .integer: glp_set_col_kind(pointer, column, GLP_IV)
            case .binary: glp_set_col_kind(pointer, column, GLP_IV)
            }
            let (type, lower, upper) = Self.boundType(variable.lowerBound, variable.upperBound)
            glp_set_col_bnds(pointer, column, type, lower, upper)
            glp_set_obj_coef(pointer, column, variable.objective)
        }
        if !model.rows.isEmpty { glp_add_rows(pointer, Int32(model.rows.count)) }
        for (offset, row) in model.rows.enumerated() { setRow(Int32(offset + 1), row) }
    }

    /// Writes a checked row (name, bounds, coefficients) into row `index` (from 1).
    func setRow(_ index: Int32, _ row: LinearModel.RowData) {
        row.name.withCString { glp_set_row_name(pointer, index, $0) }
        let (type, lower, upper) = Self.boundType(row.lowerBound, row.upperBound)
        glp_set_row_bnds(pointer, index, type, lower, upper)
        // GLPK's arrays are 1-based: element 0 is ignored.
        var columns: [Int32] = [0] + row.terms.map { Int32($0.variable + 1) }
        var values: [Double] = [0] + row.terms.map(\.coefficient)
        glp_set_mat_row(pointer, index, Int32(row.terms.count), &columns, &values)
    }

    deinit { glp_delete_prob(pointer) }

    /// GLPK's bound type for a (lower, upper) pair already checked by ``LinearModel``.
    private static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }
}
