// Benchmarks are run by hand (see docs/benchmarks.md); each scenario lives in its own folder.
Console.WriteLine("usage: dotnet run -c Release --project test/SaasCrm.Benchmarks -- <scenario> [options]");
return 1;
