using System.Reflection;
using System.Text.RegularExpressions;
using MallPortal.Core.Common;
using NetArchTest.Rules;

namespace MallPortal.Tests.Architecture;

public partial class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Money).Assembly;

    [Fact]
    public void Core_does_not_depend_on_Blazor_MudBlazor_or_Quartz()
    {
        var result = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore.Components", "MudBlazor", "Quartz")
            .GetResult();

        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, n => n.StartsWith("MudBlazor") || n.StartsWith("Quartz")
            || n.StartsWith("Microsoft.AspNetCore.Components"));
    }

    [Fact]
    public void No_money_named_member_in_Core_is_a_double_or_float()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = new List<string>();
        foreach (var type in Core.GetTypes())
        {
            foreach (var property in type.GetProperties(all))
            {
                Check(type, property.Name, property.PropertyType);
            }
            foreach (var field in type.GetFields(all))
            {
                Check(type, field.Name, field.FieldType);
            }
            foreach (var method in type.GetMethods(all))
            {
                Check(type, method.Name, method.ReturnType);
                foreach (var parameter in method.GetParameters())
                {
                    Check(type, $"{method.Name}({parameter.Name})", parameter.ParameterType);
                }
            }
        }
        Assert.Empty(offenders);

        void Check(Type owner, string name, Type memberType)
        {
            var underlying = Nullable.GetUnderlyingType(memberType) ?? memberType;
            if ((underlying == typeof(double) || underlying == typeof(float)) && MoneyWords().IsMatch(name))
            {
                offenders.Add($"{owner.FullName}.{name}");
            }
        }
    }

    [Fact]
    public void Services_in_Core_do_not_hold_a_scoped_DbContext_except_Identity_seams()
    {
        // Services take IDbContextFactory<MallDbContext> (one short-lived context per operation);
        // only the Identity-facing AccountService shares the request's context with UserManager.
        var holders = Types.InAssembly(Core).That().HaveNameEndingWith("Service").Or().HaveNameEndingWith("Queries")
            .GetTypes()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters()
                .Any(p => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(p.ParameterType))))
            .Select(t => t.Name)
            .ToList();
        Assert.Equal(["AccountService"], holders);
    }

    [GeneratedRegex("price|amount|total|fee|commission|money|balance|cost|fen|yuan|refund|payout", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyWords();
}
