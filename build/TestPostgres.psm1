# A throwaway PostgreSQL server for the results store's tests: initdb into a temporary folder, started on a local port
# with password authentication, a database, a publishing role and a role without table rights. Run as the postgres
# user when this process is root (PostgreSQL refuses to run as root). The tests find it through environment variables.

$script:Port = 55433

function Get-PostgresBin {
    $bin = Get-ChildItem '/usr/lib/postgresql/*/bin/initdb' -ErrorAction SilentlyContinue | Sort-Object FullName -Descending | Select-Object -First 1
    if ($bin) { return $bin.DirectoryName }
    $initdb = Get-Command initdb -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($initdb) { return Split-Path $initdb.Source }
    $null
}

function Invoke-AsPostgres {
    param([Parameter(Mandatory)] [string] $Program, [string[]] $Arguments = @())
    $root = $IsLinux -and ((id -u) -eq '0')
    $output = if ($root) { & runuser -u postgres -- $Program @Arguments 2>&1 } else { & $Program @Arguments 2>&1 }
    if ($LASTEXITCODE -ne 0) { throw "$Program failed ($LASTEXITCODE): $output" }
    $output
}

function Start-TestPostgres {
    # Returns $true when a server runs and the REVITPERF_TEST_POSTGRES* variables are set.
    $bin = Get-PostgresBin
    if (-not $bin -and $IsLinux -and (Get-Command apt-get -CommandType Application -ErrorAction SilentlyContinue)) {
        Write-Host 'Installing PostgreSQL for the results store tests (apt-get install postgresql).'
        if ((id -u) -eq '0') { apt-get update -qq | Out-Null; apt-get install -y -qq postgresql | Out-Null }
        else { sudo apt-get update -qq | Out-Null; sudo apt-get install -y -qq postgresql | Out-Null }
        $bin = Get-PostgresBin
    }
    if (-not $bin) {
        Write-Warning 'No PostgreSQL server binaries: the PostgreSQL results store tests are skipped.'
        return $false
    }

    $data = Join-Path ([IO.Path]::GetTempPath()) ('revitperf-pg-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory $data
    $secret = [guid]::NewGuid().ToString('N')
    $pwfile = Join-Path $data 'pw'
    $cluster = Join-Path $data 'cluster'
    Set-Content -LiteralPath $pwfile -Value $secret -NoNewline
    if ($IsLinux -and ((id -u) -eq '0')) { chown -R postgres $data }
    Invoke-AsPostgres "$bin/initdb" @('-D', $cluster, '-U', 'postgres', "--pwfile=$pwfile", '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8') | Out-Null
    Invoke-AsPostgres "$bin/pg_ctl" @('-D', $cluster, '-l', (Join-Path $data 'log'), '-w', '-o', "-p $Port -k $data -c listen_addresses=127.0.0.1", 'start') | Out-Null
    foreach ($sql in "CREATE ROLE revitperf LOGIN PASSWORD '$secret'", 'CREATE DATABASE revitperf_test OWNER revitperf', "CREATE ROLE revitperf_norights LOGIN PASSWORD '$secret'") {
        Invoke-AsPostgres "$bin/psql" @('-h', $data, '-p', $Port, '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', $sql) | Out-Null
    }
    $env:REVITPERF_TEST_POSTGRES = "Host=127.0.0.1;Port=$Port;Database=revitperf_test;Username=revitperf"
    $env:REVITPERF_TEST_POSTGRES_PASSWORD = $secret
    $env:REVITPERF_TEST_POSTGRES_BIN = $bin
    $env:REVITPERF_TEST_POSTGRES_DATA = $data
    Write-Host "Started PostgreSQL for the tests on 127.0.0.1:$Port."
    $true
}

function Stop-TestPostgres {
    param([switch] $Remove)
    if (-not $env:REVITPERF_TEST_POSTGRES_DATA) { return }
    $data = $env:REVITPERF_TEST_POSTGRES_DATA
    try { Invoke-AsPostgres "$env:REVITPERF_TEST_POSTGRES_BIN/pg_ctl" @('-D', (Join-Path $data 'cluster'), '-w', '-m', 'fast', 'stop') | Out-Null } catch { Write-Verbose $_ }
    if ($Remove) {
        Remove-Item -Recurse -Force $data -ErrorAction SilentlyContinue
        foreach ($name in 'REVITPERF_TEST_POSTGRES', 'REVITPERF_TEST_POSTGRES_PASSWORD', 'REVITPERF_TEST_POSTGRES_BIN', 'REVITPERF_TEST_POSTGRES_DATA') {
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }
}

function Restart-TestPostgres {
    $data = $env:REVITPERF_TEST_POSTGRES_DATA
    Invoke-AsPostgres "$env:REVITPERF_TEST_POSTGRES_BIN/pg_ctl" @('-D', (Join-Path $data 'cluster'), '-l', (Join-Path $data 'log'), '-w', '-o', "-p $Port -k $data -c listen_addresses=127.0.0.1", 'start') | Out-Null
}

function Invoke-TestPostgresSql {
    param([Parameter(Mandatory)] [string] $Sql, [string] $Database = 'revitperf_test')
    Invoke-AsPostgres "$env:REVITPERF_TEST_POSTGRES_BIN/psql" @('-h', $env:REVITPERF_TEST_POSTGRES_DATA, '-p', $Port, '-U', 'postgres', '-d', $Database, '-v', 'ON_ERROR_STOP=1', '-q', '-t', '-A', '-c', $Sql)
}

Export-ModuleMember -Function Start-TestPostgres, Stop-TestPostgres, Restart-TestPostgres, Invoke-TestPostgresSql
