using FlywheelBot.Bench;

// Two modes:
//   (default)  the load run: starts one bot server process per storage provider and measures it
//   serve      the server process itself (bot + a bare endpoint), started by the load run
//   profile    in-process timings of the pieces of a turn (handler, advisor, rendering, storage)
return args.Length > 0 && args[0] == "serve"
    ? await BenchServer.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "profile"
        ? await HotPathProfile.RunAsync(args[1..])
        : await LoadRun.RunAsync(args);
