namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>A store the app needs is not reachable or not usable at start-up; the message names the store and the fix.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
