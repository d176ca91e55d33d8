namespace SaasCrm.Platform.Identity;

/// <summary>
/// Who an account belongs to. Staff use the CRM; portal accounts (a customer's people, a partner's people) sign in
/// to the same tenant but reach only endpoints marked for their kind (<see cref="Security.UserKindEndpointExtensions"/>).
/// </summary>
public enum UserKind
{
    Staff = 0,
    Customer = 1,
    Partner = 2,
}
