using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseBot.Storage.Prepared;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) per model. A compiled query skips building, funcletizing
/// and looking up the LINQ expression on every call (most of a lookup's CPU on the message path), but binds itself to
/// the first model it runs against and refuses any other; one process can hold several (SQLite and PostgreSQL,
/// kinds added by extensions), so each model gets its own.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
