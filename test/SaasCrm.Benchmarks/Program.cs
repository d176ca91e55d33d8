// Benchmarks are run by hand (see docs/benchmarks.md); each scenario lives in its own folder.
return args.FirstOrDefault() switch
{
    "search" => await SaasCrm.Benchmarks.Search.SearchBenchmark.RunAsync(args[1..]),
    "import" => await SaasCrm.Benchmarks.Customers.ImportBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project test/SaasCrm.Benchmarks -- <scenario> [options]");
    Console.WriteLine("  search [--count 1000000] [--no-mariadb]   Lucene index rate and query latency vs MariaDB LIKE");
    Console.WriteLine("  import [--rows 20000] [--mariadb]         customer import through the API: dry-run and commit rows/s");
    return 1;
}
