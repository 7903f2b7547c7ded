<#
    A benchmark file: Invoke-RevitBenchmark -Path ./examples/benchmarks runs every *.Benchmarks.ps1 under the folder.
    The file is dot-sourced, so variables set here are visible to the benchmarks below; each benchmark's -Setup runs
    once before its warm-up. Replace the synthetic work with calls to your own Revit automation.
#>

# Shared by the benchmarks of this file.
$elementCount = 10000

New-RevitBenchmark -Name LookupById -Suite Elements -TargetLatencyMs 0.05 -Setup {
    $elements = @{}
    foreach ($id in 1..$elementCount) { $elements[$id] = [pscustomobject]@{ Id = $id; Category = 'Walls'; Height = 3.0 } }
    $random = [Random]::new(2026)
} -ScriptBlock {
    $elements[$random.Next(1, $elementCount + 1)].Height
} -Validate { $_ -eq 3.0 }

New-RevitBenchmark -Name FilterByCategory -Suite Elements -Iterations 30 -TargetLatencyMs 100 -Setup {
    $categories = 'Walls', 'Doors', 'Windows', 'Floors'
    $elements = foreach ($id in 1..$elementCount) { [pscustomobject]@{ Id = $id; Category = $categories[$id % 4] } }
} -ScriptBlock {
    @($elements.Where({ $_.Category -eq 'Doors' })).Count
} -Validate { $_ -eq $elementCount / 4 }

New-RevitBenchmark -Name StringBuilding -Suite Reports -ScriptBlock {
    $text = [System.Text.StringBuilder]::new()
    foreach ($i in 1..100) { $null = $text.Append('Wall ').Append($i).AppendLine() }
    $text.ToString()
} -TargetMemoryMB 5
