namespace Delivery.Planner.Instances;

/// <summary>
/// One row of a Solomon / Gehring &amp; Homberger customer table, in the file's own units (number 0 is the depot).
/// </summary>
/// <param name="Number">CUST NO. as in the file; used to name the customer in solutions.</param>
/// <param name="X">XCOORD.</param>
/// <param name="Y">YCOORD.</param>
/// <param name="Demand">DEMAND, ≥ 0.</param>
/// <param name="ReadyTime">READY TIME: earliest start of service.</param>
/// <param name="DueDate">DUE DATE: latest <em>start</em> of service (for the depot: the route horizon).</param>
/// <param name="ServiceTime">SERVICE TIME, ≥ 0.</param>
public sealed record SolomonCustomer(int Number, double X, double Y, long Demand, long ReadyTime, long DueDate, long ServiceTime);
