using System.Reflection;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>
/// A value for every member of a durable message record, each distinct from its type's default, built from the record's
/// constructor: a message that gains a member is covered without touching the tests, and a member the converter drops
/// or a wrapper that binds another record shows as a difference.
/// </summary>
internal static class SampleInputs
{
    static readonly DateTimeOffset Instant = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static object For(Type type) => For(type, type.Name);

    static object For(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => $"{name.ToLowerInvariant()}-prov",
            _ when underlying == typeof(int) => 7 + name.Length,
            _ when underlying == typeof(long) => 70L + name.Length,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateTimeOffset) => Instant.AddMinutes(name.Length),
            _ when underlying == typeof(DateTime) => Instant.UtcDateTime.AddMinutes(name.Length),
            _ when underlying == typeof(DateOnly) => DateOnly.FromDateTime(Instant.UtcDateTime).AddDays(name.Length),
            _ when underlying == typeof(TimeSpan) => TimeSpan.FromMinutes(90 + name.Length),
            _ when underlying.IsEnum => Enum.GetValues(underlying).Cast<object>().Last(),
            _ when underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => List(underlying.GetGenericArguments()[0], name),
            _ => Record(underlying),
        };
    }

    static Array List(Type element, string name)
    {
        var list = Array.CreateInstance(element, 2);
        list.SetValue(For(element, name), 0);
        list.SetValue(For(element, name + "-2"), 1);
        return list;
    }

    static object Record(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"{type.Name}: no public constructor to build a sample from.");
        return constructor.Invoke(constructor.GetParameters().Select(p => For(p.ParameterType, p.Name!)).ToArray());
    }
}
