using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MySqlConnector;

namespace SaasCrm.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway MariaDB server for integration tests: a fresh data folder in the temp
/// directory (a copy of a template initialised once per test process with
/// <c>mariadb-install-db</c>), served by a private <c>mariadbd</c> on a free 127.0.0.1 port
/// with durability switched off for speed. Disposing kills the server and deletes the folder.
/// Connect with <see cref="ConnectionString"/> (user root, random password, TCP).
/// Install the binaries with <c>etc/install-mariadb.sh</c> (Debian: package mariadb-server).
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    private const string Host = "127.0.0.1";
    private const string User = "root";
    private const string FolderPrefix = "saascrm-mariadb-";
    private const string OwnerFileName = "owner.pid";
    private const int OutputTailLines = 60;
    private const int MaxPortAttempts = 3;

    /// <summary>Smaller than the 96M default so the template copies quickly; plenty for tests.</summary>
    private const string InnoDbLogFileSize = "--innodb-log-file-size=16M";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private static readonly string? MariaDbdPath =
        FindExecutable(["mariadbd", "mysqld"], ["/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/local/mysql/bin/mariadbd"]);

    private static readonly string? InstallDbPath =
        FindExecutable(["mariadb-install-db", "mysql_install_db"], ["/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db", "/usr/local/mysql/scripts/mariadb-install-db"]);

    /// <summary>Servers not yet disposed; killed on process exit so a test run never leaks one.</summary>
    private static readonly ConcurrentDictionary<MariaDbServer, byte> Live = new();

    private static readonly object TemplateLock = new();
    private static Task<string>? _templateTask;
    private static string? _templateRoot;

    private readonly string _rootDirectory;
    private readonly string _password;
    private readonly OutputTail _output;
    private readonly ConcurrentDictionary<string, byte> _issuedConnectionStrings = new();
    private Process? _process;
    private int _disposed;

    static MariaDbServer()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in Live.Keys)
            {
                server.StopAndDeleteSynchronously();
            }

            if (_templateRoot is not null)
            {
                DeleteDirectory(_templateRoot);
            }
        };
    }

    private MariaDbServer(string rootDirectory, string password, OutputTail output)
    {
        _rootDirectory = rootDirectory;
        _password = password;
        _output = output;
    }

    /// <summary>Whether <c>mariadbd</c> and <c>mariadb-install-db</c> were found.</summary>
    public static bool IsAvailable => MariaDbdPath is not null && InstallDbPath is not null;

    /// <summary>Human-readable explanation when <see cref="IsAvailable"/> is false (null otherwise).</summary>
    public static string? UnavailableReason => IsAvailable
        ? null
        : $"MariaDB server binaries not found (mariadbd: {MariaDbdPath ?? "missing"}, mariadb-install-db: {InstallDbPath ?? "missing"}). "
          + "Install them with `etc/install-mariadb.sh` (Debian package mariadb-server).";

    /// <summary>TCP port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>Temp folder holding the data directory, socket, pid file and tmpdir.</summary>
    public string RootDirectory => _rootDirectory;

    public string DataDirectory => Path.Combine(_rootDirectory, "data");

    public string SocketPath => Path.Combine(_rootDirectory, "mysql.sock");

    /// <summary>OS process id of mariadbd (0 once disposed).</summary>
    public int ProcessId { get; private set; }

    /// <summary>Server version string, e.g. <c>10.11.6-MariaDB-0+deb12u1</c>.</summary>
    public string ServerVersion { get; private set; } = "";

    /// <summary>Wall-clock time StartAsync took (initialise data folder + start + ready + user setup).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The last lines mariadbd wrote to stdout/stderr (for diagnostics).</summary>
    public string OutputTailText => _output.Text;

    public static async Task<MariaDbServer> StartAsync(CancellationToken ct = default)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        var stopwatch = Stopwatch.StartNew();
        DeleteStaleFolders();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartupTimeout);

        var root = CreateRootDirectory("");
        var server = new MariaDbServer(root, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), new OutputTail(OutputTailLines));
        Live.TryAdd(server, 0);
        try
        {
            await server.InitialiseDataDirectoryAsync(timeout.Token).ConfigureAwait(false);

            for (var attempt = 1; ; attempt++)
            {
                server.Port = GetFreePort();
                server.StartProcess();
                var outcome = await server.WaitUntilReadyAsync(timeout.Token, ct).ConfigureAwait(false);
                if (outcome == ReadyOutcome.Ready)
                {
                    break;
                }

                // The process exited. A port race with another process (the free port was taken
                // between probing and binding) is worth another try; anything else is fatal.
                var text = server._output.Text;
                var portClash = text.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
                    || text.Contains("Bind on TCP/IP port", StringComparison.OrdinalIgnoreCase);
                if (!portClash || attempt >= MaxPortAttempts)
                {
                    throw server.Failure("mariadbd exited before accepting connections");
                }

                server._process!.Dispose();
                server._process = null;
                server._output.Clear();
            }

            await server.ConfigureAccessAsync(timeout.Token).ConfigureAwait(false);
            server.StartupTime = stopwatch.Elapsed;
            return server;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var failure = server.Failure($"MariaDB did not become ready within {StartupTimeout.TotalSeconds:0} s");
            await server.DisposeAsync().ConfigureAwait(false);
            throw failure;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>MySqlConnector connection string (TCP, root with a random password) for <paramref name="database"/>.</summary>
    public string ConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var connectionString = BuildTcpConnectionString(database, pooling: true);
        _issuedConnectionStrings.TryAdd(connectionString, 0);
        return connectionString;
    }

    public async Task CreateDatabaseAsync(string database, CancellationToken ct = default)
    {
        var quoted = QuoteIdentifier(database);
        await ExecuteAdminAsync(
            $"CREATE DATABASE IF NOT EXISTS {quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", ct).ConfigureAwait(false);
    }

    public async Task DropDatabaseAsync(string database, CancellationToken ct = default)
    {
        var quoted = QuoteIdentifier(database);

        // Close idle pooled connections that point at the database being dropped.
        await ClearPoolAsync(BuildTcpConnectionString(database, pooling: true)).ConfigureAwait(false);
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {quoted}", ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (_process is { HasExited: false })
            {
                foreach (var connectionString in _issuedConnectionStrings.Keys)
                {
                    await ClearPoolAsync(connectionString).ConfigureAwait(false);
                }
            }

            if (_process is not null)
            {
                KillProcess(_process);
                using var wait = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Fall through: deletion below may partially fail, which is reported by no-one.
                }

                _process.Dispose();
                _process = null;
            }

            ProcessId = 0;
            DeleteDirectory(_rootDirectory);
        }
        finally
        {
            Live.TryRemove(this, out _);
        }
    }

    public override string ToString() => $"MariaDB {ServerVersion} on {Host}:{Port} ({_rootDirectory})";

    // ---------------------------------------------------------------- start-up

    /// <summary>
    /// Fills <see cref="DataDirectory"/> with a copy of the per-test-process template (initialised once
    /// with mariadb-install-db, ~1 s); copying it takes a few tens of milliseconds.
    /// </summary>
    private async Task InitialiseDataDirectoryAsync(CancellationToken ct)
    {
        var template = await GetTemplateDataDirectoryAsync().WaitAsync(ct).ConfigureAwait(false);
        CopyDirectory(template, DataDirectory);
    }

    private static Task<string> GetTemplateDataDirectoryAsync()
    {
        lock (TemplateLock)
        {
            // Retry after a failure rather than caching it forever.
            if (_templateTask is null || _templateTask.IsFaulted || _templateTask.IsCanceled)
            {
                _templateTask = Task.Run(CreateTemplateDataDirectoryAsync);
            }

            return _templateTask;
        }
    }

    private static async Task<string> CreateTemplateDataDirectoryAsync()
    {
        var root = CreateRootDirectory("template-");
        var dataDirectory = Path.Combine(root, "data");
        var args = new List<string>
        {
            "--no-defaults", // must come first
            $"--datadir={dataDirectory}",
            "--auth-root-authentication-method=normal",
            "--skip-test-db",
            "--skip-name-resolve",
            // Passed through to the bootstrap mariadbd; must match the server's value (see StartProcess).
            InnoDbLogFileSize,
        };
        if (IsRoot())
        {
            args.Add("--user=root");
        }

        var output = new OutputTail(OutputTailLines);
        using var process = new Process { StartInfo = NewStartInfo(InstallDbPath!, args) };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        using var timeout = new CancellationTokenSource(StartupTimeout);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{InstallDbPath} failed with exit code {process.ExitCode} (datadir {dataDirectory}).{Environment.NewLine}"
                    + $"--- output tail ---{Environment.NewLine}{output.Text}");
            }
        }
        catch (OperationCanceledException)
        {
            KillProcess(process);
            DeleteDirectory(root);
            throw new InvalidOperationException(
                $"{InstallDbPath} did not finish within {StartupTimeout.TotalSeconds:0} s.{Environment.NewLine}"
                + $"--- output tail ---{Environment.NewLine}{output.Text}");
        }
        catch
        {
            DeleteDirectory(root);
            throw;
        }

        _templateRoot = root;
        return dataDirectory;
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }
    }

    private void StartProcess()
    {
        var args = new List<string>
        {
            "--no-defaults", // must come first: ignore /etc/mysql/*.cnf and ~/.my.cnf
            $"--datadir={DataDirectory}",
            $"--port={Port}",
            $"--bind-address={Host}",
            $"--socket={SocketPath}",
            $"--pid-file={Path.Combine(_rootDirectory, "mariadbd.pid")}",
            $"--tmpdir={Path.Combine(_rootDirectory, "tmp")}",
            "--skip-name-resolve",
            "--innodb-buffer-pool-size=128M",
            InnoDbLogFileSize,
            // Durability off: it's a throwaway server.
            "--innodb-flush-log-at-trx-commit=0",
            "--innodb-doublewrite=0",
            "--innodb-flush-method=nosync",
            "--sync-binlog=0",
            "--skip-log-bin",
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci",
            "--max-connections=500",
        };
        // Later options win: a benchmark can size the server like a production one (buffer pool, redo log).
        args.AddRange((Environment.GetEnvironmentVariable("SAASCRM_MARIADB_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (IsRoot())
        {
            // mariadbd refuses to run as root unless told to explicitly.
            args.Add("--user=root");
        }

        Directory.CreateDirectory(Path.Combine(_rootDirectory, "tmp"));

        var process = new Process { StartInfo = NewStartInfo(MariaDbdPath!, args), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        ProcessId = process.Id;
    }

    private enum ReadyOutcome
    {
        Ready,
        Exited,
    }

    private async Task<ReadyOutcome> WaitUntilReadyAsync(CancellationToken timeoutToken, CancellationToken callerToken)
    {
        var socketConnectionString = new MySqlConnectionStringBuilder
        {
            Server = SocketPath,
            ConnectionProtocol = MySqlConnectionProtocol.UnixSocket,
            UserID = User,
            Password = "",
            Pooling = false,
            SslMode = MySqlSslMode.None,
            ConnectionTimeout = 5,
        }.ConnectionString;

        // Wait for the condition itself: the server's own "ready for connections" line, or its exit.
        var exited = _process!.WaitForExitAsync(callerToken);
        var finished = await Task.WhenAny(_output.Ready.WaitAsync(timeoutToken), exited).ConfigureAwait(false);
        timeoutToken.ThrowIfCancellationRequested();
        if (finished == exited || _process.HasExited)
        {
            await exited.ConfigureAwait(false); // all buffered output received before it is inspected
            return ReadyOutcome.Exited;
        }

        await using var connection = new MySqlConnection(socketConnectionString);
        await connection.OpenAsync(timeoutToken).ConfigureAwait(false);
        return ReadyOutcome.Ready;
    }

    /// <summary>
    /// Gives root@127.0.0.1 a random password (root@localhost over the socket stays password-less)
    /// and checks that the TCP connection string works.
    /// </summary>
    private async Task ConfigureAccessAsync(CancellationToken ct)
    {
        var socketConnectionString = new MySqlConnectionStringBuilder
        {
            Server = SocketPath,
            ConnectionProtocol = MySqlConnectionProtocol.UnixSocket,
            UserID = User,
            Password = "",
            Pooling = false,
            SslMode = MySqlSslMode.None,
        }.ConnectionString;

        await using (var connection = new MySqlConnection(socketConnectionString))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // The password is hex digits only, so inlining it is safe.
            command.CommandText =
                $"CREATE USER IF NOT EXISTS '{User}'@'{Host}' IDENTIFIED BY '{_password}';"
                + $"ALTER USER '{User}'@'{Host}' IDENTIFIED BY '{_password}';"
                + $"GRANT ALL PRIVILEGES ON *.* TO '{User}'@'{Host}' WITH GRANT OPTION;"
                + "FLUSH PRIVILEGES;";
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var connection = new MySqlConnection(BuildTcpConnectionString(null, pooling: false)))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT VERSION()";
            ServerVersion = Convert.ToString(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
    }

    private InvalidOperationException Failure(string message)
    {
        var exitInfo = _process is { HasExited: true } ? $" (exit code {_process.ExitCode})" : "";
        return new InvalidOperationException(
            $"{message}{exitInfo}. mariadbd: {MariaDbdPath}, port {Port}, folder {_rootDirectory}.{Environment.NewLine}"
            + $"--- mariadbd output tail ---{Environment.NewLine}{_output.Text}");
    }

    // ---------------------------------------------------------------- helpers

    private string BuildTcpConnectionString(string? database, bool pooling)
    {
        var builder = new MySqlConnectionStringBuilder
        {
            Server = Host,
            Port = (uint)Port,
            UserID = User,
            Password = _password,
            AllowUserVariables = true,
            Pooling = pooling,
            SslMode = MySqlSslMode.None,
            ConnectionTimeout = 15,
        };
        if (database is not null)
        {
            builder.Database = database;
        }

        return builder.ConnectionString;
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await using var connection = new MySqlConnection(BuildTcpConnectionString(null, pooling: false));
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task ClearPoolAsync(string connectionString)
    {
        try
        {
            await using var connection = new MySqlConnection(connectionString);
            await MySqlConnection.ClearPoolAsync(connection).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort only.
        }
    }

    private static string QuoteIdentifier(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 64)
        {
            throw new ArgumentException($"Database name '{name}' is longer than 64 characters.", nameof(name));
        }

        return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    private static ProcessStartInfo NewStartInfo(string fileName, IEnumerable<string> args)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        return startInfo;
    }

    private static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string CreateRootDirectory(string kind)
    {
        // Unix socket paths are limited to ~107 bytes, so avoid deep temp directories.
        var baseDirectory = Path.GetTempPath();
        if (baseDirectory.Length > 60 && Directory.Exists("/tmp"))
        {
            baseDirectory = "/tmp";
        }

        var root = Path.Combine(baseDirectory, FolderPrefix + kind + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return root;
    }

    /// <summary>
    /// Removes folders (and kills servers) left behind by test runs that crashed before disposing,
    /// i.e. folders whose owning test process is gone.
    /// </summary>
    private static void DeleteStaleFolders()
    {
        var bases = new HashSet<string>(StringComparer.Ordinal) { Path.GetTempPath().TrimEnd('/') };
        if (Directory.Exists("/tmp"))
        {
            bases.Add("/tmp");
        }

        foreach (var baseDirectory in bases)
        {
            string[] candidates;
            try
            {
                candidates = Directory.GetDirectories(baseDirectory, FolderPrefix + "*");
            }
            catch (Exception)
            {
                continue;
            }

            foreach (var folder in candidates)
            {
                try
                {
                    var ownerText = File.ReadAllText(Path.Combine(folder, OwnerFileName)).Trim();
                    if (!int.TryParse(ownerText, out var ownerPid) || IsProcessAlive(ownerPid))
                    {
                        continue;
                    }

                    var pidFile = Path.Combine(folder, "mariadbd.pid");
                    if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var serverPid))
                    {
                        // Only kill it if it really is the server that uses this folder (pids get reused).
                        var cmdline = $"/proc/{serverPid}/cmdline";
                        if (File.Exists(cmdline) && File.ReadAllText(cmdline).Contains(folder, StringComparison.Ordinal))
                        {
                            using var stale = Process.GetProcessById(serverPid);
                            stale.Kill(entireProcessTree: true);
                            stale.WaitForExit(5000);
                        }
                    }

                    DeleteDirectory(folder);
                }
                catch (Exception)
                {
                    // Missing owner file (folder being created right now), races, permissions: skip.
                }
            }
        }
    }

    private static bool IsProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void KillProcess(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting / no permission: nothing more we can do.
        }
    }

    private void StopAndDeleteSynchronously()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var process = _process;
        if (process is not null)
        {
            KillProcess(process);
            try
            {
                process.WaitForExit((int)StopTimeout.TotalMilliseconds);
            }
            catch (Exception)
            {
                // Best effort during process exit.
            }
        }

        DeleteDirectory(_rootDirectory);
        Live.TryRemove(this, out _);
    }

    /// <summary>Called after the server process has exited, so nothing holds the files.</summary>
    private static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Give up silently; the next test run's DeleteStaleFolders removes it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static string? FindExecutable(string[] names, string[] fallbacks)
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            foreach (var directory in pathDirectories)
            {
                var candidate = Path.Combine(directory, name);
                if (IsExecutableFile(candidate))
                {
                    return candidate;
                }
            }
        }

        return fallbacks.FirstOrDefault(IsExecutableFile);
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            return OperatingSystem.IsWindows()
                || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    // On Unix, Environment.UserName is the name of the effective user id (getpwuid(geteuid())).
    private static bool IsRoot() =>
        !OperatingSystem.IsWindows() && string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>Thread-safe bounded buffer of the most recent output lines.</summary>
    private sealed class OutputTail(int capacity)
    {
        private readonly Queue<string> _lines = new();
        private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the server prints that it accepts connections.</summary>
        public Task Ready => Volatile.Read(ref _ready).Task;

        public string Text
        {
            get
            {
                lock (_lines)
                {
                    return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.Contains("ready for connections", StringComparison.Ordinal))
            {
                Volatile.Read(ref _ready).TrySetResult();
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > capacity)
                {
                    _lines.Dequeue();
                }
            }
        }

        public void Clear()
        {
            lock (_lines)
            {
                _lines.Clear();
            }
            Volatile.Write(ref _ready, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }
}
