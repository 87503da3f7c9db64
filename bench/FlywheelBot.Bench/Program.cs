using FlywheelBot.Bench;

// Two modes:
//   (default)  the load run: starts one bot server process per storage provider and measures it
//   serve      the server process itself (bot + a bare endpoint), started by the load run
return args.Length > 0 && args[0] == "serve"
    ? await BenchServer.RunAsync(args[1..])
    : await LoadRun.RunAsync(args);
