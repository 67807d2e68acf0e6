using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Accounts;

public static class AccountsModule
{
    /// <summary>Identity (users, the four roles, password and lockout rules) and the accounts services.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddIdentityCore<MallUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 3;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<int>>()
            .AddClaimsPrincipalFactory<MallClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<MallDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<LetterAndDigitPasswordValidator>();

        services.AddSingleton(configuration.GetSection("Accounts:Codes").Get<VerificationCodeRules>() ?? new VerificationCodeRules());
        services.AddTransient<VerificationCodeService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<AddressService>();
        services.AddScoped<AccountService>();
        services.AddScoped<PasswordService>();
        services.AddScoped<ContactService>();
        services.AddSingleton<AccountQueries>();
        services.AddScoped<IdentityBootstrapper>();
        services.AddScoped<IDemoSeeder, AccountsDemoSeeder>();
        return services;
    }
}
