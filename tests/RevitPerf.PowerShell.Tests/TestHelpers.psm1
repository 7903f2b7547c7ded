# Shared by the Pester tests: where the built module is, how to start a fresh pwsh, how to reach Core's types.

function Get-RevitPerfModulePath {
    if ($env:REVITPERF_MODULE) { return $env:REVITPERF_MODULE }
    Join-Path $PSScriptRoot '../../out/RevitPerf/RevitPerf.psd1'
}

function Import-RevitPerfUnderTest {
    # The built module from out/, never a source copy.
    Import-Module (Get-RevitPerfModulePath) -Force -Global
}

function Invoke-FreshPwsh {
    # Runs a script in a new pwsh process of the same PowerShell; returns its output lines (all streams) and exit code.
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $exe = [Environment]::ProcessPath
    $arguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    # -OutputFormat Text: otherwise a child pwsh sends its warnings and errors as CLIXML, which the parent re-emits.
    $arguments += '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', $encoded
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $output = & $exe @arguments 2>&1 | ForEach-Object { "$_" -replace '\x1b\[[0-9;]*m', '' }
        [pscustomobject]@{ Output = @($output); Text = ($output -join "`n"); ExitCode = $LASTEXITCODE }
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

function Get-RevitPerfCoreType {
    # RevitPerf.Core loads into the module's own load context, where PowerShell's [type] syntax does not look.
    param([Parameter(Mandatory)] [string] $FullName)
    $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RevitPerf.Core' } | Select-Object -First 1
    if (-not $core) { throw 'RevitPerf.Core is not loaded.' }
    $core.GetType($FullName, $true)
}

function New-TestYaml {
    # Writes YAML text to a new file under TestDrive and returns its path.
    param([Parameter(Mandatory)] [string] $Text, [string] $Name = ([guid]::NewGuid().ToString('N') + '.yaml'))
    $path = Join-Path $TestDrive $Name
    [IO.File]::WriteAllText($path, $Text.Replace("`r`n", "`n"))
    $path
}


function Get-ChromiumPath {
    # Debian's chromium (installed by .ci/run), or a Chrome on the PATH; $null when there is none.
    foreach ($name in 'chromium', 'chromium-browser', 'google-chrome', 'chrome', 'msedge') {
        $command = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) { return $command.Source }
    }
    $null
}

function Invoke-HeadlessPage {
    <#
    Opens a local HTML file in headless Chromium through the DevTools protocol and returns what a test needs: every
    request the page made, console messages and uncaught exceptions, the value of a JavaScript expression (JSON), and
    a full-page screenshot written to -Screenshot.
    #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string] $Expression,
        [string] $Screenshot,
        [int] $TimeoutSeconds = 60
    )
    $chromium = Get-ChromiumPath
    if (-not $chromium) { throw 'Chromium is not installed (.ci/run installs Debian''s chromium package).' }
    $profile = Join-Path ([IO.Path]::GetTempPath()) ('revitperf-chromium-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $profile
    # The flags keep a headless Chromium off the network on its own account (updates, sync, field trials).
    $arguments = @('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions', '--mute-audio',
        "--user-data-dir=$profile", '--remote-debugging-port=0', '--window-size=1280,900', 'about:blank')
    $process = Start-Process -FilePath $chromium -ArgumentList $arguments -PassThru -RedirectStandardError (Join-Path $profile 'stderr.txt') -RedirectStandardOutput (Join-Path $profile 'stdout.txt')
    $socket = $null
    try {
        $portFile = Join-Path $profile 'DevToolsActivePort'
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (Test-Path $portFile) -or -not (Get-Content $portFile -ErrorAction SilentlyContinue)) {
            if ([DateTime]::UtcNow -gt $deadline -or $process.HasExited) { throw "Chromium did not start: $(Get-Content (Join-Path $profile 'stderr.txt') -Raw)" }
            Start-Sleep -Milliseconds 100
        }
        $port = (Get-Content $portFile)[0]
        $targets = Invoke-RestMethod -Uri "http://127.0.0.1:$port/json/list" -TimeoutSec 10
        $page = @($targets | Where-Object type -EQ 'page')[0]
        $socket = [Net.WebSockets.ClientWebSocket]::new()
        $cancel = [Threading.CancellationTokenSource]::new([TimeSpan]::FromSeconds($TimeoutSeconds))
        $null = $socket.ConnectAsync([Uri]$page.webSocketDebuggerUrl, $cancel.Token).GetAwaiter().GetResult()
        $state = @{ Id = 0; Events = [Collections.Generic.List[object]]::new() }

        $receive = {
            $buffer = [byte[]]::new(1MB)
            $stream = [IO.MemoryStream]::new()
            do {
                $result = $socket.ReceiveAsync([ArraySegment[byte]]::new($buffer), $cancel.Token).GetAwaiter().GetResult()
                $stream.Write($buffer, 0, $result.Count)
            } while (-not $result.EndOfMessage)
            [Text.Encoding]::UTF8.GetString($stream.ToArray()) | ConvertFrom-Json -Depth 20
        }
        $send = {
            param([string] $Method, [hashtable] $Params = @{})
            $state.Id++
            $id = $state.Id
            $json = @{ id = $id; method = $Method; params = $Params } | ConvertTo-Json -Depth 10 -Compress
            $bytes = [Text.Encoding]::UTF8.GetBytes($json)
            $null = $socket.SendAsync([ArraySegment[byte]]::new($bytes), [Net.WebSockets.WebSocketMessageType]::Text, $true, $cancel.Token).GetAwaiter().GetResult()
            while ($true) {
                $message = & $receive
                if ($message.PSObject.Properties['id'] -and $message.id -eq $id) {
                    if ($message.PSObject.Properties['error']) { throw "DevTools $Method failed: $($message.error.message)" }
                    return $message.result
                }
                $state.Events.Add($message)
            }
        }
        $null = & $send 'Page.enable'
        $null = & $send 'Runtime.enable'
        $null = & $send 'Log.enable'
        $null = & $send 'Network.enable'
        $url = [Uri]::new((Resolve-Path -LiteralPath $Path).ProviderPath).AbsoluteUri
        $null = & $send 'Page.navigate' @{ url = $url }
        while (-not ($state.Events | Where-Object { $_.method -eq 'Page.loadEventFired' })) {
            $state.Events.Add((& $receive))
        }
        $value = (& $send 'Runtime.evaluate' @{ expression = $Expression; returnByValue = $true }).result.value
        if ($Screenshot) {
            $metrics = & $send 'Page.getLayoutMetrics'
            $height = [math]::Ceiling($metrics.cssContentSize.height)
            $null = & $send 'Emulation.setDeviceMetricsOverride' @{ width = 1280; height = [math]::Min($height, 16000); deviceScaleFactor = 1; mobile = $false }
            $shot = & $send 'Page.captureScreenshot' @{ format = 'png'; captureBeyondViewport = $true }
            [IO.File]::WriteAllBytes($Screenshot, [Convert]::FromBase64String($shot.data))
        }
        $requests = @($state.Events | Where-Object method -EQ 'Network.requestWillBeSent' | ForEach-Object { $_.params.request.url })
        $console = @($state.Events | Where-Object method -EQ 'Runtime.consoleAPICalled' | ForEach-Object { "$($_.params.type): $(($_.params.args | ForEach-Object { $_.value }) -join ' ')" })
        $exceptions = @($state.Events | Where-Object method -EQ 'Runtime.exceptionThrown' | ForEach-Object { $_.params.exceptionDetails.exception.description ?? $_.params.exceptionDetails.text })
        $logErrors = @($state.Events | Where-Object { $_.method -eq 'Log.entryAdded' -and $_.params.entry.level -in 'error', 'warning' } | ForEach-Object { "$($_.params.entry.source): $($_.params.entry.text)" })
        [pscustomobject]@{
            Requests   = $requests
            Console    = $console
            Exceptions = $exceptions
            LogErrors  = $logErrors
            Value      = if ($value) { $value | ConvertFrom-Json -Depth 20 } else { $null }
        }
    }
    finally {
        if ($socket) { $socket.Dispose() }
        if (-not $process.HasExited) { $process.Kill($true) }
        $process.WaitForExit(10000) | Out-Null
        Remove-Item -Recurse -Force $profile -ErrorAction SilentlyContinue
    }
}

function Get-TestRunStart { [datetime]::new(2026, 10, 1, 2, 0, 0, [DateTimeKind]::Utc) }

function New-RunFile {
    # Writes a run file of machine $Machine, run $Index (twelve hours apart from Get-TestRunStart), median $MedianMs, into $Folder.
    param([string] $Folder, [string] $Machine, [int] $Index, [double] $MedianMs, [string[]] $Tags = @())
    $storedType = Get-RevitPerfCoreType 'RevitPerf.Core.Storage.StoredBenchmark'
    $runType = Get-RevitPerfCoreType 'RevitPerf.Core.Storage.ResultsRun'
    $fileType = Get-RevitPerfCoreType 'RevitPerf.Core.Storage.RunFile'
    $samples = [double[]](1..10 | ForEach-Object { $MedianMs * (0.99 + 0.002 * $_) })
    $benchmark = $storedType::new('Api', 'Open', $MedianMs, $MedianMs, $MedianMs * 1.05, 1000 / $MedianMs, $null, 10, $samples)
    $typed = [Array]::CreateInstance($storedType, 1)
    $typed[0] = $benchmark
    $time = (Get-TestRunStart).AddHours(12 * $Index)
    $run = $runType::new($runType::IdOf($Machine, $time, $typed), $time, $Machine, 'ci', '7.6.9', 'Core', '0.1.0', $null, [string[]]$Tags, $typed)
    $path = Join-Path $Folder $fileType::FileNameOf($run)
    [IO.File]::WriteAllText($path, $fileType::Serialize($run))
    $path
}

function New-Series {
    # $Count run files with +-$Noise % noise, stepping by $StepPercent from run $StepAt on; returns their paths.
    param([string] $Folder, [string] $Machine, [int] $Count, [double] $Noise, [int] $StepAt = -1, [double] $StepPercent = 0, [int] $Seed = 1)
    $random = [Random]::new($Seed)
    foreach ($i in 0..($Count - 1)) {
        $level = if ($StepAt -ge 0 -and $i -ge $StepAt) { 1 + $StepPercent / 100 } else { 1 }
        New-RunFile -Folder $Folder -Machine $Machine -Index $i -MedianMs (10 * $level * (1 + $Noise / 100 * (2 * $random.NextDouble() - 1)))
    }
}

Export-ModuleMember -Function *
