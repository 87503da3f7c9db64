using System.Reflection;
using System.Reflection.Emit;

namespace FlywheelBot.Tests.Architecture;

/// <summary>
/// Which of an assembly's own types each of its types uses: base type, interfaces, fields, properties, method and
/// constructor signatures, and every type, method and field token in the method bodies (so locals, calls and
/// <c>new</c> count too). Nested and compiler-generated types (lambdas, async state machines) count as their outermost
/// declaring type.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>(user, used) pairs, both outermost types of <paramref name="assembly"/>.</summary>
    public static IEnumerable<(Type User, Type Used)> Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            var user = Outermost(type);
            var used = new HashSet<Type>();
            foreach (var referenced in Signatures(type).Concat(Bodies(type)))
            {
                Collect(referenced, assembly, used);
            }

            foreach (var target in used.Where(t => t != user))
            {
                yield return (user, target);
            }
        }
    }

    public static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static void Collect(Type? type, Assembly assembly, HashSet<Type> used)
    {
        if (type is null)
        {
            return;
        }

        if (type.HasElementType)
        {
            Collect(type.GetElementType(), assembly, used);
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Collect(argument, assembly, used);
            }

            type = type.GetGenericTypeDefinition();
        }

        // Compiler-generated helpers (regex runners, collection literals, <PrivateImplementationDetails>) are not the app's.
        if (!type.IsGenericParameter && type.Assembly == assembly && type.Namespace?.StartsWith("FlywheelBot", StringComparison.Ordinal) == true)
        {
            used.Add(Outermost(type));
        }
    }

    private static IEnumerable<Type?> Signatures(Type type)
    {
        yield return type.BaseType;
        foreach (var implemented in type.GetInterfaces())
        {
            yield return implemented;
        }

        foreach (var field in type.GetFields(All))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(All))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }

    private static IEnumerable<Type?> Bodies(Type type)
    {
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                continue;
            }

            foreach (var used in Tokens(method, il))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<Type?> Tokens(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var module = method.Module;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    yield return Resolve(module, token, typeArguments, methodArguments);
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, at);
                    at += 4 + (4 * count);
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static Type? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments) switch
            {
                Type type => type,
                MethodBase called => called.DeclaringType,
                FieldInfo field => field.DeclaringType,
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null; // a token that needs a generic context the method does not give: not one of ours in practice
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
