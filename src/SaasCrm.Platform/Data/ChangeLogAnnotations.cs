namespace SaasCrm.Platform.Data;

public static class ChangeLogAnnotations
{
    /// <summary>Model annotation for properties of types we cannot put <c>[NotLogged]</c> on (Identity's).</summary>
    public const string NotLogged = "SaasCrm:NotLogged";
}
