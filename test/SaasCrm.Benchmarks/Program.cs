// Benchmarks are run by hand (see docs/benchmarks.md); each scenario lives in its own folder.
return args.FirstOrDefault() switch
{
    "search" => await SaasCrm.Benchmarks.Search.SearchBenchmark.RunAsync(args[1..]),
    "customers" => await SaasCrm.Benchmarks.Customers.CustomersBenchmark.RunAsync(args[1..]),
    "import" => await SaasCrm.Benchmarks.Customers.ImportBenchmark.RunAsync(args[1..]),
    "workflows" => await SaasCrm.Benchmarks.Workflows.WorkflowTimersBenchmark.RunAsync(args[1..]),
    "knowledge" => await SaasCrm.Benchmarks.Knowledge.KnowledgeBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project test/SaasCrm.Benchmarks -- <scenario> [options]");
    Console.WriteLine("  search [--count 1000000] [--no-mariadb]   Lucene index rate and query latency vs MariaDB LIKE");
    Console.WriteLine("  customers [--customers 1000000] [--import 100000] [--rounds 30] [--only handover|lists] [--hold]   list/360/duplicates latency, handover, pool release, import");
    Console.WriteLine("  import [--rows 20000] [--mariadb]         customer import through the API: dry-run and commit rows/s");
    Console.WriteLine("  workflows [--instances 10000] [--lead 240]   timers falling due together: lateness, steps/s, start-up with 0 and N waiting");
    Console.WriteLine("  knowledge [--articles 100000]             knowledge articles: Lucene index rate, search p50/p95 with category counts");
    return 1;
}
